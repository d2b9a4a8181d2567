import { Notification } from 'electron';

/**
 * Shows an OS notification (for example when an approval starts waiting); silently does
 * nothing where the desktop has no notification service.
 */
export function notify(title: string, body: string, onClick?: () => void): void {
  if (!Notification.isSupported()) return;
  const notification = new Notification({ title, body, silent: false });
  if (onClick !== undefined) notification.on('click', onClick);
  notification.show();
}
