// Before anything parses: zod must not probe for eval (a CSP violation).
import '@voordeur/shared/jitless';
import './ui/nl-design-system.ts';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { Providers } from './app/Providers.tsx';
import { router } from './app/router.tsx';
import { wordsReady } from './i18n/index.ts';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');

const root = createRoot(container);
// The first language's words come as a chunk of their own (i18n/index.ts): render once they are in place.
void wordsReady.then(() =>
  root.render(
    <StrictMode>
      <Providers>
        <RouterProvider router={router} />
      </Providers>
    </StrictMode>,
  ),
);
