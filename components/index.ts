/** Registers every nn-mathlets element. */
export {};
