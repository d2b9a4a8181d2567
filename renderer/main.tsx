import './styles/theme.css';
import './styles/base.css';
import './styles/frame.css';
import './styles/controls.css';
import './styles/pages.css';
import './styles/editor.css';
import './styles/dialogs.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createApi } from '../shared/contract/client.ts';
import { setApi } from './api/api.ts';
import { connect } from './api/client.ts';
import { toFailure } from './lib/errors.ts';
import { App } from './shell/App.tsx';
import { ErrorMessage } from './shell/ErrorMessage.tsx';

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root') as HTMLElement);
  try {
    if (import.meta.env.DEV && new URLSearchParams(location.search).has('fake')) {
      const { devFakeTransport } = await import('./api/dev-fake-transport.ts');
      setApi(createApi(devFakeTransport));
    } else {
      setApi(connect());
    }
  } catch (error) {
    root.render(
      <div className="startup-error" data-testid="startup-error">
        <ErrorMessage failure={toFailure(error)} />
      </div>,
    );
    return;
  }
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
