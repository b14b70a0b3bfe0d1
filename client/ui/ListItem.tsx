// A list row that selects something; the selected row scrolls into view when the selection comes from the map.
import { useEffect, useRef, type ReactNode } from 'react';

interface ListItemProps {
  selected: boolean;
  row?: boolean;
  onClick: () => void;
  children: ReactNode;
}

export function ListItem({ selected, row, onClick, children }: ListItemProps) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);
  return (
    <li>
      <button
        ref={ref}
        type="button"
        className={row ? 'item item--row' : 'item'}
        aria-current={selected ? 'true' : undefined}
        onClick={onClick}
      >
        {children}
      </button>
    </li>
  );
}
