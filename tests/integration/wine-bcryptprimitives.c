/* For wine.sh only, never shipped: Rust's standard library takes random bytes from ProcessPrng
 * in bcryptprimitives.dll, which Windows 10 and later have but Debian 12's Wine 8.0 does not, so
 * the binary would not even load there. This stand-in answers from RtlGenRandom (advapi32). */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length); /* RtlGenRandom */

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
