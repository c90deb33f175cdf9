// Every stackalloc in this library is a scratch buffer that is written before it is read, so the
// zero-initialisation the runtime does by default is pure overhead on the formatting hot paths.
[module: System.Runtime.CompilerServices.SkipLocalsInit]
