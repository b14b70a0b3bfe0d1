// Search over stores, neighbourhoods, saved areas and events (ARIA combobox): arrows move, Enter flies to and selects the hit.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { showOnMap } from '../../app/actions';
import { useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { selectBoundaryFeatures, selectStoreFeatures } from '../../store/selectors';
import { Icon } from '../../ui/Icon';
import { PHONE_QUERY, useMediaQuery } from '../../ui/useMediaQuery';
import { BrandMark } from '../layers/BrandMark';
import { EventMark } from '../layers/EventMark';
import { categoryLabel } from '../events/category-label';
import { useBrandStyles } from '../layers/brand-styles';
import { ariaKeyShortcuts } from '../../app/shortcuts';
import { SEARCH_INPUT_ID, searchPlaces, type SearchResult } from './search';

export function SearchBox() {
  const { t } = useI18n();
  // A phone's top bar leaves the field room for a word, not a list: the whole short placeholder rather than a cut long one.
  const phone = useMediaQuery(PHONE_QUERY);
  const stores = useAppStore(selectStoreFeatures);
  const boundaries = useAppStore(selectBoundaryFeatures);
  const areas = useAppStore((s) => s.areas.data?.features);
  const events = useAppStore((s) => s.events.data?.features);
  const styles = useBrandStyles();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const results = useMemo(
    () => searchPlaces(query, { stores, boundaries, areas, events }),
    [query, stores, boundaries, areas, events],
  );
  const expanded = open && query.trim().length > 0;

  const choose = (result: SearchResult | undefined) => {
    if (!result) return;
    showOnMap(useAppStore, result.selection);
    setQuery('');
    setOpen(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (results.length)
        setActive(
          (i) => (i + (event.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length,
        );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(results[active]);
    } else if (event.key === 'Escape') {
      // Escape belongs to the search box here, not to the Details panel.
      event.stopPropagation();
      if (query) setQuery('');
      else input.current?.blur();
      setOpen(false);
    }
  };

  const kindLabel = (result: SearchResult) => {
    const { kind } = result.selection;
    if (kind === 'store') return result.hint || t('search.kind.store');
    if (kind === 'event') return categoryLabel(t, result.hint);
    return t(kind === 'area' ? 'search.kind.area' : 'search.kind.boundary');
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="search" role="search">
      <label htmlFor={SEARCH_INPUT_ID} className="visually-hidden">
        {t('search.label')}
      </label>
      <Icon name="search" size={16} />
      <input
        ref={input}
        id={SEARCH_INPUT_ID}
        type="search"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t(phone ? 'search.placeholderShort' : 'search.placeholder')}
        aria-autocomplete="list"
        aria-keyshortcuts={ariaKeyShortcuts('focusSearch')}
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && results.length ? optionId(active) : undefined}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <ul
        className="search__results"
        id={listId}
        role="listbox"
        hidden={!expanded}
        aria-label={t('search.label')}
      >
        {results.map((result, i) => (
          <li
            key={`${result.selection.kind}:${result.selection.id}`}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            className="search__option"
            onMouseDown={(e) => e.preventDefault()}
            onMouseEnter={() => setActive(i)}
            onClick={() => choose(result)}
          >
            <span className="search__mark" aria-hidden="true">
              {result.selection.kind === 'store' ? (
                <BrandMark style={styles.find((s) => s.brand === result.hint)} />
              ) : result.selection.kind === 'event' ? (
                <EventMark category={result.hint} size={16} />
              ) : (
                <span className="search__area" data-kind={result.selection.kind} />
              )}
            </span>
            <span className="search__label" title={result.label}>
              {result.label}
            </span>
            <span className="search__kind">{kindLabel(result)}</span>
          </li>
        ))}
      </ul>
      {expanded && results.length === 0 && (
        <p className="search__empty" role="status">
          {t('search.noResults', { query: query.trim() })}
        </p>
      )}
      {expanded && results.length > 0 && (
        <p className="visually-hidden" role="status">
          {t('search.results', { count: results.length })}
        </p>
      )}
    </div>
  );
}
