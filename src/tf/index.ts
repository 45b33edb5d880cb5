/** nn-mathlets/tf: the TensorFlow.js side. */
export {};
