import type { Transport } from '../../shared/contract/client.ts';

declare global {
  interface Window {
    /** Present inside the desktop app: the preload's bridge to the host. */
    studio?: Transport;
  }
}
