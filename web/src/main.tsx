import '@mantine/core/styles.css';
import './ui/portal.css';
import { createTheme, MantineProvider, type CSSVariablesResolver } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from './api/client';
import { prefetchForLocation } from './api/public';
import { restoreSession } from './api/session';
import { AppRoutes } from './routes';

// Shade 8 of blue under white text and gray 7 for secondary text keep 4.5:1 contrast (WCAG 2.1 AA).
const theme = createTheme({ primaryColor: 'blue', primaryShade: 8, fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' });
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' }, dark: {} });

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      refetchOnWindowFocus: false,
      // A 4xx, a 429 or a 503 is shown at once (with its own retry); a lost connection or a 5xx is tried once more.
      retry: (count, error) => count < 1 && error instanceof ApiError && (error.status === 0 || (error.status >= 500 && error.status !== 503)),
    },
  },
});

prefetchForLocation(queryClient, window.location.pathname);

// A reload keeps the session: the refresh cookie gives an access token before any page asks who is signed in.
void restoreSession().finally(() =>
  createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
  ),
);
