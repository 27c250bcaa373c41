/* TEST ONLY, never shipped: Wine 8 lacks bcryptprimitives.dll, which Rust's std imports
 * for ProcessPrng (Windows 10/11 have it). This stand-in fills the buffer through
 * advapi32's RtlGenRandom (SystemFunction036), in chunks that fit its ULONG length. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
    while (len > 0) {
        ULONG n = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, n)) return FALSE;
        data += n;
        len -= n;
    }
    return TRUE;
}
