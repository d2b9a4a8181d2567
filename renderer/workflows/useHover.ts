import { type RefObject, useEffect, useState } from 'react';

/**
 * Whether the pointer is over an element, from native events: React's own enter and leave
 * follow the component tree, so a dialog opened from inside (portalled elsewhere) would keep
 * the element "hovered" after the pointer has left it.
 */
export function useHover(ref: RefObject<HTMLElement | null>): boolean {
  const [hover, setHover] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const enter = () => setHover(true);
    const leave = () => setHover(false);
    element.addEventListener('pointerenter', enter);
    element.addEventListener('pointerleave', leave);
    return () => {
      element.removeEventListener('pointerenter', enter);
      element.removeEventListener('pointerleave', leave);
    };
  }, [ref]);
  return hover;
}
