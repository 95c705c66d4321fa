//go:build amd64 && !purego

#include "textflag.h"

// func cpuid(eaxArg, ecxArg uint32) (eax, ebx, ecx, edx uint32)
TEXT ·cpuid(SB), NOSPLIT, $0-24
	MOVL eaxArg+0(FP), AX
	MOVL ecxArg+4(FP), CX
	CPUID
	MOVL AX, eax+8(FP)
	MOVL BX, ebx+12(FP)
	MOVL CX, ecx+16(FP)
	MOVL DX, edx+20(FP)
	RET

// func xgetbv() (eax, edx uint32)
TEXT ·xgetbv(SB), NOSPLIT, $0-8
	MOVL $0, CX
	XGETBV
	MOVL AX, eax+0(FP)
	MOVL DX, edx+4(FP)
	RET

// func minPlusRowAVX2(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)
//
// Four pairs at a time, then two, then one: s = ws + (ux, xu); where
// s < t, t = s and tv = x. VMINPD returns its first source where it is
// less than the second, else the second: t unless s is strictly smaller.
// Where no lane of four pairs is better (most of them, once a few ranks
// have lowered the row), t and tv are neither read again nor written.
TEXT ·minPlusRowAVX2(SB), NOSPLIT, $0-96
	MOVQ t_base+0(FP), DI
	MOVQ t_len+8(FP), CX
	MOVQ tv_base+24(FP), R8
	MOVQ ws_base+48(FP), SI
	VBROADCASTSD ux+72(FP), Y4
	VBROADCASTSD xu+80(FP), Y5
	VBLENDPD $0xA, Y5, Y4, Y4 // (ux, xu, ux, xu)
	VPBROADCASTQ x+88(FP), Y5
	XORQ AX, AX

row4:
	CMPQ CX, $4
	JLT row2
	VADDPD (SI)(AX*1), Y4, Y0 // s
	VADDPD 32(SI)(AX*1), Y4, Y8
	VMOVUPD (DI)(AX*1), Y1    // t
	VMOVUPD 32(DI)(AX*1), Y9
	VCMPPD $1, Y1, Y0, Y2     // s < t
	VCMPPD $1, Y9, Y8, Y10
	VPOR Y2, Y10, Y11
	VPTEST Y11, Y11
	JZ next4                  // no lane better: t and tv stay (most of the time)
	VMINPD Y1, Y0, Y1
	VMINPD Y9, Y8, Y9
	VMOVUPD Y1, (DI)(AX*1)
	VMOVUPD Y9, 32(DI)(AX*1)
	VMOVDQU (R8)(AX*1), Y3
	VMOVDQU 32(R8)(AX*1), Y12
	VBLENDVPD Y2, Y5, Y3, Y3
	VBLENDVPD Y10, Y5, Y12, Y12
	VMOVDQU Y3, (R8)(AX*1)
	VMOVDQU Y12, 32(R8)(AX*1)

next4:
	ADDQ $64, AX
	SUBQ $4, CX
	JMP row4

row2:
	CMPQ CX, $2
	JLT row1
	VADDPD (SI)(AX*1), Y4, Y0 // s
	VMOVUPD (DI)(AX*1), Y1    // t
	VCMPPD $1, Y1, Y0, Y2     // s < t
	VMINPD Y1, Y0, Y1
	VMOVUPD Y1, (DI)(AX*1)
	VMOVDQU (R8)(AX*1), Y3
	VBLENDVPD Y2, Y5, Y3, Y3
	VMOVDQU Y3, (R8)(AX*1)
	ADDQ $32, AX
	SUBQ $2, CX
	JMP row2

row1:
	CMPQ CX, $0
	JEQ rowdone
	VADDPD (SI)(AX*1), X4, X0
	VMOVUPD (DI)(AX*1), X1
	VCMPPD $1, X1, X0, X2
	VMINPD X1, X0, X1
	VMOVUPD X1, (DI)(AX*1)
	VMOVDQU (R8)(AX*1), X3
	VBLENDVPD X2, X5, X3, X3
	VMOVDQU X3, (R8)(AX*1)

rowdone:
	VZEROUPPER
	RET

// func upperRowAVX2(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)
//
// Four pairs at a time, then one: the candidates bs + (g swapped) lower the running
// (ux, xu) of each lane, g + (bux, bxu) lower ws; the lanes' minima are
// combined at the end (a minimum does not depend on the order). Writing ws
// back only where a lane is better, as minPlusRowAVX2 does, was slower
// here.
TEXT ·upperRowAVX2(SB), NOSPLIT, $0-120
	MOVQ bs_base+0(FP), SI
	MOVQ bs_len+8(FP), CX
	MOVQ ws_base+24(FP), DI
	MOVQ g_base+48(FP), DX
	VBROADCASTSD bux+72(FP), Y4
	VBROADCASTSD bxu+80(FP), Y5
	VBLENDPD $0xA, Y5, Y4, Y4 // (bux, bxu, bux, bxu)
	VBROADCASTSD ux+88(FP), Y6
	VBROADCASTSD xu+96(FP), Y7
	VBLENDPD $0xA, Y7, Y6, Y6 // (ux, xu, ux, xu)
	VMOVAPD Y6, Y7
	XORQ AX, AX

up4:
	CMPQ CX, $4
	JLT up1
	VMOVUPD (DX)(AX*1), Y0
	VMOVUPD 32(DX)(AX*1), Y8
	VPERMILPD $0x5, Y0, Y1 // (vx, xv, vx, xv)
	VPERMILPD $0x5, Y8, Y9
	VADDPD (SI)(AX*1), Y1, Y1
	VADDPD 32(SI)(AX*1), Y9, Y9
	VMINPD Y6, Y1, Y6
	VMINPD Y7, Y9, Y7
	VADDPD Y4, Y0, Y0
	VADDPD Y4, Y8, Y8
	VMINPD (DI)(AX*1), Y0, Y0
	VMINPD 32(DI)(AX*1), Y8, Y8
	VMOVUPD Y0, (DI)(AX*1)
	VMOVUPD Y8, 32(DI)(AX*1)
	ADDQ $64, AX
	SUBQ $4, CX
	JMP up4

up1:
	CMPQ CX, $0
	JEQ updone
	VMOVUPD (DX)(AX*1), X0
	VPERMILPD $0x1, X0, X1
	VADDPD (SI)(AX*1), X1, X1
	VMINPD X6, X1, X1
	VBLENDPD $0x3, Y1, Y6, Y6
	VADDPD X4, X0, X0
	VMOVUPD (DI)(AX*1), X2
	VMINPD X2, X0, X0
	VMOVUPD X0, (DI)(AX*1)
	ADDQ $16, AX
	DECQ CX
	JMP up1

updone:
	VMINPD Y7, Y6, Y6
	VEXTRACTF128 $1, Y6, X7
	VMINPD X7, X6, X6
	VMOVSD X6, ret+104(FP)
	VPERMILPD $0x1, X6, X6
	VMOVSD X6, ret1+112(FP)
	VZEROUPPER
	RET

// func minPlusRowAVX512(t []pair, tv [][2]int64, ws []pair, ux, xu float64, x int64)
//
// minPlusRowAVX2 with AVX-512: eight pairs at a time, then four, then the
// last one to three under a mask. A lane's candidate s = ws + (ux, xu) is
// stored to t, and x to tv, only where s < t (masked stores), which is
// t's minimum with s as VMINPD keeps it: t unless s is strictly smaller.
TEXT ·minPlusRowAVX512(SB), NOSPLIT, $0-96
	MOVQ t_base+0(FP), DI
	MOVQ t_len+8(FP), CX
	MOVQ tv_base+24(FP), R8
	MOVQ ws_base+48(FP), SI
	VBROADCASTSD ux+72(FP), Y4
	VBROADCASTSD xu+80(FP), Y5
	VBLENDPD $0xA, Y5, Y4, Y4           // (ux, xu, ux, xu)
	VINSERTF64X4 $1, Y4, Z4, Z4         // four times
	VPBROADCASTQ x+88(FP), Z5
	XORQ AX, AX

mrow8:
	CMPQ CX, $8
	JLT mrow4
	VADDPD (SI)(AX*1), Z4, Z0           // s
	VADDPD 64(SI)(AX*1), Z4, Z8
	VCMPPD $1, (DI)(AX*1), Z0, K1       // s < t
	VCMPPD $1, 64(DI)(AX*1), Z8, K2
	KORW K1, K2, K3
	KORTESTW K3, K3
	JZ mnext8                           // no lane better: t and tv stay
	VMOVUPD Z0, K1, (DI)(AX*1)
	VMOVUPD Z8, K2, 64(DI)(AX*1)
	VMOVDQU64 Z5, K1, (R8)(AX*1)
	VMOVDQU64 Z5, K2, 64(R8)(AX*1)

mnext8:
	ADDQ $128, AX
	SUBQ $8, CX
	JMP mrow8

mrow4:
	CMPQ CX, $4
	JLT mrow1
	VADDPD (SI)(AX*1), Z4, Z0
	VCMPPD $1, (DI)(AX*1), Z0, K1
	VMOVUPD Z0, K1, (DI)(AX*1)
	VMOVDQU64 Z5, K1, (R8)(AX*1)
	ADDQ $64, AX
	SUBQ $4, CX

mrow1:
	CMPQ CX, $0
	JEQ mdone
	// The last 1–3 pairs: 2·CX lanes under the mask 2^(2·CX) - 1.
	MOVQ $1, DX
	SHLQ CX, DX
	SHLQ CX, DX
	DECQ DX
	KMOVW DX, K4
	VMOVUPD.Z (SI)(AX*1), K4, Z1
	VADDPD Z1, Z4, Z0
	VMOVUPD.Z (DI)(AX*1), K4, Z2
	VCMPPD $1, Z2, Z0, K4, K1           // s < t, in the lanes of the mask
	VMOVUPD Z0, K1, (DI)(AX*1)
	VMOVDQU64 Z5, K1, (R8)(AX*1)

mdone:
	VZEROUPPER
	RET

// func upperRowAVX512(bs, ws, g []pair, bux, bxu, ux, xu float64) (float64, float64)
//
// upperRowAVX2 with AVX-512: eight pairs at a time, then four, then the
// last one to three under a mask (the running minima keep their lanes
// outside it).
TEXT ·upperRowAVX512(SB), NOSPLIT, $0-120
	MOVQ bs_base+0(FP), SI
	MOVQ bs_len+8(FP), CX
	MOVQ ws_base+24(FP), DI
	MOVQ g_base+48(FP), DX
	VBROADCASTSD bux+72(FP), Y4
	VBROADCASTSD bxu+80(FP), Y5
	VBLENDPD $0xA, Y5, Y4, Y4           // (bux, bxu, bux, bxu)
	VINSERTF64X4 $1, Y4, Z4, Z4
	VBROADCASTSD ux+88(FP), Y6
	VBROADCASTSD xu+96(FP), Y7
	VBLENDPD $0xA, Y7, Y6, Y6           // (ux, xu, ux, xu)
	VINSERTF64X4 $1, Y6, Z6, Z6
	VMOVAPD Z6, Z7
	XORQ AX, AX

uup8:
	CMPQ CX, $8
	JLT uup4
	VMOVUPD (DX)(AX*1), Z0              // g
	VMOVUPD 64(DX)(AX*1), Z8
	VPERMILPD $0x55, Z0, Z1             // (vx, xv, …)
	VPERMILPD $0x55, Z8, Z9
	VADDPD (SI)(AX*1), Z1, Z1
	VADDPD 64(SI)(AX*1), Z9, Z9
	VMINPD Z6, Z1, Z6
	VMINPD Z7, Z9, Z7
	VADDPD Z4, Z0, Z0
	VADDPD Z4, Z8, Z8
	VMINPD (DI)(AX*1), Z0, Z0
	VMINPD 64(DI)(AX*1), Z8, Z8
	VMOVUPD Z0, (DI)(AX*1)
	VMOVUPD Z8, 64(DI)(AX*1)
	ADDQ $128, AX
	SUBQ $8, CX
	JMP uup8

uup4:
	CMPQ CX, $4
	JLT uup1
	VMOVUPD (DX)(AX*1), Z0
	VPERMILPD $0x55, Z0, Z1
	VADDPD (SI)(AX*1), Z1, Z1
	VMINPD Z6, Z1, Z6
	VADDPD Z4, Z0, Z0
	VMINPD (DI)(AX*1), Z0, Z0
	VMOVUPD Z0, (DI)(AX*1)
	ADDQ $64, AX
	SUBQ $4, CX

uup1:
	CMPQ CX, $0
	JEQ uupdone
	MOVQ $1, R9
	SHLQ CX, R9
	SHLQ CX, R9
	DECQ R9
	KMOVW R9, K4
	VMOVUPD.Z (DX)(AX*1), K4, Z0
	VPERMILPD $0x55, Z0, Z1
	VMOVUPD.Z (SI)(AX*1), K4, Z2
	VADDPD Z2, Z1, Z1
	VMINPD Z6, Z1, K4, Z6               // lanes outside the mask keep theirs
	VADDPD Z4, Z0, Z0
	VMOVUPD.Z (DI)(AX*1), K4, Z2
	VMINPD Z2, Z0, Z0
	VMOVUPD Z0, K4, (DI)(AX*1)

uupdone:
	VMINPD Z7, Z6, Z6
	VEXTRACTF64X4 $1, Z6, Y7
	VMINPD Y7, Y6, Y6
	VEXTRACTF128 $1, Y6, X7
	VMINPD X7, X6, X6
	VMOVSD X6, ret+104(FP)
	VPERMILPD $0x1, X6, X6
	VMOVSD X6, ret1+112(FP)
	VZEROUPPER
	RET
