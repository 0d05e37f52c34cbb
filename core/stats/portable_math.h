// log, exp and cos that give the same bits on every platform: the Monte Carlo kernels run
// natively (glibc's libm) and in the browser (emscripten's musl libm), and the two C libraries
// differ in the last bit of log, exp and cos for some arguments — enough that the browser's
// stack Monte Carlo would not equal the CLI's to the last digit (issue 17 asks for equal).
// These are fdlibm 5.3's algorithms (Sun Microsystems, 1993; the basis of musl's and of Java's
// StrictMath), written with IEEE double +, −, ×, ÷ and bit operations only, so their results
// are the same wherever IEEE doubles round to nearest. Error below 1 ulp (fdlibm's bound).
#pragma once

namespace mf {

double portable_log(double x);
double portable_exp(double x);
// Exact argument reduction for |x| up to 2^19·π/2 (about 823 550 rad); beyond that (never an
// angle of a tolerance loop) it returns std::cos.
double portable_cos(double x);

}  // namespace mf
