import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Each import registers one element; the package's JSX typings type them in TSX.
import 'nn-mathlets/elements/nn-mathlet';
import 'nn-mathlets/elements/nn-trainer';
import 'nn-mathlets/elements/nn-cifar';
import type {} from 'nn-mathlets/react';
import { App } from './App';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
