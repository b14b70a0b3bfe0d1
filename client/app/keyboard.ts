// App-wide keys: Escape closes the Details panel (inputs that use Escape themselves stop it first).
import { useEffect } from 'react';
import { useAppStore } from '../store';

export function useGlobalKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const { selection, select } = useAppStore.getState();
      if (selection) select(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
