// harness.mjs starts `caravan serve` on a loopback port with a throw-away
// HOME, knowledge base and token, and Debian's chromium through
// playwright-core. Used by e2e.test.mjs and readme-shot.mjs.
//
// Environment:
//   CHROMIUM      the browser (default /usr/bin/chromium)
//   CARAVAN_BIN   a built caravan binary (default: go build ./cmd/caravan into a temp dir)
//   SCREENSHOTS   where screenshots go (default web/test/screenshots)
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
export const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
export const screenshotDir = process.env.SCREENSHOTS || path.join(here, 'screenshots');
export const TOKEN = 'e2e-test-token';

/** skipReason says why the browser tests cannot run here, or ''. */
export function skipReason() {
  if (!existsSync(chromiumPath)) {
    return `${chromiumPath} is absent: install Debian's chromium (apt-get install -y chromium) to run the browser tests`;
  }
  if (!process.env.CARAVAN_BIN) {
    try {
      execFileSync('go', ['version'], { stdio: 'ignore' });
    } catch {
      return 'neither CARAVAN_BIN nor the go command is available to build caravan';
    }
  }
  return '';
}

/**
 * startServer builds caravan when CARAVAN_BIN is unset and starts
 * `caravan serve` on 127.0.0.1 with a fresh HOME and knowledge base.
 * @returns {Promise<{url: string, stop: () => Promise<void>, log: () => string}>}
 */
export async function startServer() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'caravan-e2e-'));
  let bin = process.env.CARAVAN_BIN;
  if (!bin) {
    bin = path.join(tmp, 'caravan');
    execFileSync('go', ['build', '-o', bin, './cmd/caravan'], { cwd: repoRoot, stdio: 'inherit' });
  }
  const home = path.join(tmp, 'home');
  mkdirSync(home);
  const env = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), CARAVAN_TOKEN: TOKEN };
  delete env.CARAVAN_DB;
  const child = spawn(bin, ['serve', '--addr', '127.0.0.1:0', '--db', path.join(tmp, 'caravan.db')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('caravan serve did not start in 60 s:\n' + err)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/serving (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`caravan serve exited with ${code}:\n${err}`));
    });
  });
  return {
    url,
    log: () => err,
    stop: async () => {
      if (child.exitCode == null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await Promise.race([done, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode == null) child.kill('SIGKILL');
      }
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

/** launch starts headless chromium with the flags this machine needs. */
export async function launch() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-default-apps',
      '--disable-extensions',
    ],
  });
}

/**
 * watch records every request of a page that leaves the server's origin
 * (data: and blob: URLs stay in the page) into outside.
 * @param {import('playwright-core').Page} page
 * @param {string} base the server's URL
 * @param {string[]} outside
 */
export function watch(page, base, outside) {
  const origin = new URL(base).origin;
  page.on('request', (r) => {
    const u = r.url();
    if (u.startsWith('data:') || u.startsWith('blob:')) return;
    if (new URL(u).origin !== origin) outside.push(u);
  });
}

export function shotPath(name) {
  mkdirSync(screenshotDir, { recursive: true });
  return path.join(screenshotDir, name + '.png');
}
