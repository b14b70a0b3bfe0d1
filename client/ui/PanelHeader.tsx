// The head of a side panel (details, comparisons): what it is, its title (the panel's accessible name) and a close button.
import { IconButton } from './IconButton';

export function PanelHeader({
  kind,
  title,
  closeLabel,
  onClose,
}: {
  kind: string;
  title: string;
  closeLabel: string;
  onClose: () => void;
}) {
  return (
    <header className="details__header">
      <div className="details__heading">
        <p className="details__kind">{kind}</p>
        <h2 className="details__title" id="details-title">
          {title}
        </h2>
      </div>
      <IconButton icon="close" label={closeLabel} onClick={onClose} />
    </header>
  );
}
