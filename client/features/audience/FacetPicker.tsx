// A multi-select for one long list (job titles, industries, interests, home stores): the chosen values on top,
// then the most common matches of what was typed, each with how many customers have it.
import { useId, useState, type KeyboardEvent } from 'react';
import type { FacetBucket } from '../../api/contract';
import { useI18n } from '../../i18n';
import { formatCount } from './hidden-counts';
import { filterFacets } from './facet-filter';

const VISIBLE = 6;

interface FacetPickerProps {
  legend: string;
  hint?: string;
  facets: readonly FacetBucket[];
  /** Counts hidden as null show as "< k". */
  minGroupSize?: number | undefined;
  selected: readonly string[];
  onChange: (selected: string[]) => void;
  labelFor?: (key: string) => string;
  field: string;
}

export function FacetPicker({
  legend,
  hint,
  facets,
  minGroupSize,
  selected,
  onChange,
  labelFor = (k) => k,
  field,
}: FacetPickerProps) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const hintId = useId();
  const { shown, more } = filterFacets(facets, { query, selected, labelFor, limit: VISIBLE });
  const countOf = new Map(facets.map((f) => [f.key, f.count]));

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape' && query) {
      // Escape clears the filter first; only an empty filter lets it close the Details panel.
      event.stopPropagation();
      setQuery('');
    }
  };

  const option = (key: string, checked: boolean) => {
    const count = countOf.get(key);
    return (
      <li key={key}>
        <label className="facet-option">
          <input
            type="checkbox"
            checked={checked}
            onChange={() =>
              onChange(checked ? selected.filter((k) => k !== key) : [...selected, key])
            }
          />
          <span className="facet-option__label" title={labelFor(key)}>
            {labelFor(key)}
          </span>
          {count !== undefined && (
            <>
              <span className="facet-option__count" aria-hidden="true">
                {formatCount(locale, count, minGroupSize, t)}
              </span>
              <span className="visually-hidden">
                {count === null
                  ? formatCount(locale, count, minGroupSize, t)
                  : t('segment.optionCount', { count })}
              </span>
            </>
          )}
        </label>
      </li>
    );
  };

  return (
    <fieldset
      className="segment-field facet-picker"
      data-field={field}
      aria-describedby={hint ? hintId : undefined}
    >
      <legend className="segment-field__legend">{legend}</legend>
      {hint && (
        <p className="segment-field__hint" id={hintId}>
          {hint}
        </p>
      )}
      {selected.length > 0 && (
        <ul className="facet-picker__list facet-picker__list--selected">
          {selected.map((key) => option(key, true))}
        </ul>
      )}
      <input
        type="search"
        className="segment-input facet-picker__filter"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('segment.filterPlaceholder')}
        aria-label={t('segment.filter', { field: legend })}
      />
      {shown.length > 0 && (
        <ul className="facet-picker__list">{shown.map((f) => option(f.key, false))}</ul>
      )}
      {query.trim() !== '' && shown.length === 0 && (
        <p className="segment-field__hint">{t('segment.noMatch', { query: query.trim() })}</p>
      )}
      {more > 0 && (
        <p className="segment-field__hint">{t('segment.moreOptions', { count: more })}</p>
      )}
    </fieldset>
  );
}
