// Narrows every audience panel to a segment: a summary line of the active filters (with Clear) and, unfolded, the
// fields. Each change is validated with the shared schema and, when valid, goes to the store (and so the URL) at once;
// a field the schema refuses shows why next to it and the last valid segment stays in force.
import { useId, useState, type ReactNode } from 'react';
import { genders, loyaltyTiers } from '../../../server/domain/schemas/customer';
import type { Segment } from '../../api/contract';
import { serializeSegment } from '../../app/segment-param';
import { dataLabel, useI18n } from '../../i18n';
import type { Translate } from '../../i18n/types';
import { useAppStore } from '../../store';
import { selectStoreFeatures } from '../../store/selectors';
import { Icon } from '../../ui/Icon';
import { BehaviourFields } from './BehaviourFields';
import { FacetPicker } from './FacetPicker';
import {
  formToSegment,
  segmentToForm,
  toggleItem,
  type FieldProblem,
  type FormErrors,
  type NumberField,
  type SegmentForm,
} from './segment-form';
import { segmentSummary } from './segment-summary';
import { useCurrency, useFacets } from './useFacets';

const LAPSED_PRESETS = [30, 60, 90, 180];
const ACTIVE_PRESETS = [30, 90, 365];

const sameSegment = (a: Segment, b: Segment) => serializeSegment(a) === serializeSegment(b);

function problemText(problem: FieldProblem, t: Translate): string {
  switch (problem.code) {
    case 'min':
      return t('segment.error.min', { limit: problem.limit });
    case 'max':
      return t('segment.error.max', { limit: problem.limit });
    default:
      return t(`segment.error.${problem.code}`);
  }
}

export function SegmentBuilder() {
  const { t, locale } = useI18n();
  const segment = useAppStore((s) => s.segment);
  const setSegment = useAppStore((s) => s.setSegment);
  const clearSegment = useAppStore((s) => s.clearSegment);
  const stores = useAppStore(selectStoreFeatures);
  const currency = useCurrency();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState(() => segmentToForm(segment));
  const [errors, setErrors] = useState<FormErrors>({});
  // The segment these fields show. Another change (Clear, Back, another panel's builder) resets the fields to it.
  const [shown, setShown] = useState(segment);
  if (segment !== shown) {
    setShown(segment);
    setForm(segmentToForm(segment));
    setErrors({});
  }
  const facets = useFacets(open);
  const panelId = useId();
  const idBase = useId();

  const storeName = (id: string) => stores.find((f) => f.properties.id === id)?.properties.name;
  const summary = segmentSummary(segment, { t, locale, currency, storeName });

  const update = (patch: Partial<SegmentForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    const result = formToSegment(next);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    if (!sameSegment(result.segment, segment)) {
      setShown(result.segment);
      setSegment(result.segment);
    }
  };

  const numberInput = (field: NumberField, label: string, suffix?: string, inline = false) => {
    const id = `${idBase}-${field}`;
    const problem = errors[field];
    return (
      <div className={inline ? 'segment-number segment-number--inline' : 'segment-number'}>
        <label htmlFor={id} className="segment-number__label">
          {label}
        </label>
        <span className="segment-number__control">
          <input
            id={id}
            className="segment-input"
            data-field={field}
            type="text"
            inputMode={/Spend|Basket/.test(field) ? 'decimal' : 'numeric'}
            autoComplete="off"
            value={form[field]}
            onChange={(e) => update({ [field]: e.target.value })}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
          />
          {suffix && <span className="segment-number__suffix">{suffix}</span>}
        </span>
        {problem && (
          <span className="segment-field__error" id={`${id}-error`}>
            {problemText(problem, t)}
          </span>
        )}
      </div>
    );
  };

  const chips = <T extends string>(
    values: readonly T[],
    chosen: readonly T[],
    labelFor: (v: T) => string,
    onToggle: (v: T) => void,
  ) => (
    <div className="chip-toggles">
      {values.map((value) => (
        <button
          type="button"
          key={value}
          className="chip-toggle"
          aria-pressed={chosen.includes(value)}
          data-value={value}
          onClick={() => onToggle(value)}
        >
          {labelFor(value)}
        </button>
      ))}
    </div>
  );

  const presets = (field: 'lapsedDays' | 'activeWithinDays', values: number[]) =>
    chips(
      ['', ...values.map(String)],
      [form[field]],
      (v) => (v === '' ? t('segment.preset.any') : t('segment.preset.days', { count: Number(v) })),
      (v) => update({ [field]: v }),
    );

  const fieldset = (legend: string, field: string, children: ReactNode) => (
    <fieldset className="segment-field" data-field={field}>
      <legend className="segment-field__legend">{legend}</legend>
      {children}
    </fieldset>
  );

  return (
    <section className="segment" aria-label={t('segment.title')}>
      <div className="segment__bar">
        <button
          type="button"
          className="segment__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          <span>{summary.length > 0 ? t('segment.active') : t('segment.edit')}</span>
          <Icon name={open ? 'chevronUp' : 'chevronDown'} size={16} />
        </button>
        {summary.length > 0 && (
          <button
            type="button"
            className="button button--secondary segment__clear"
            aria-label={t('segment.clearLabel')}
            onClick={clearSegment}
          >
            {t('segment.clear')}
          </button>
        )}
      </div>
      <div className="segment__summary" aria-live="polite">
        {summary.length > 0 ? (
          <ul className="chips" aria-label={t('segment.summary.label')}>
            {summary.map((text) => (
              <li className="chip chip--filter" key={text}>
                {text}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('segment.everyone')}</p>
        )}
      </div>
      {open && (
        <div className="segment__fields" id={panelId}>
          {fieldset(
            t('segment.age'),
            'age',
            <div className="segment-range">
              {numberInput('ageMin', t('segment.ageMin'), t('segment.years'))}
              {numberInput('ageMax', t('segment.ageMax'), t('segment.years'))}
            </div>,
          )}
          {fieldset(
            t('segment.genders'),
            'genders',
            chips(
              genders,
              form.genders,
              (g) => t(`gender.${g}`),
              (g) => update({ genders: toggleItem(form.genders, g) }),
            ),
          )}
          {fieldset(
            t('segment.tiers'),
            'loyaltyTiers',
            chips(
              loyaltyTiers,
              form.loyaltyTiers,
              (tier) => t(`tier.${tier}`),
              (tier) => update({ loyaltyTiers: toggleItem(form.loyaltyTiers, tier) }),
            ),
          )}
          {fieldset(
            t('segment.lapsed'),
            'lapsedDays',
            <>
              {presets('lapsedDays', LAPSED_PRESETS)}
              {numberInput('lapsedDays', t('segment.otherDays'), t('segment.days'), true)}
            </>,
          )}
          {fieldset(
            t('segment.activeWithin'),
            'activeWithinDays',
            <>
              {presets('activeWithinDays', ACTIVE_PRESETS)}
              {numberInput('activeWithinDays', t('segment.otherDays'), t('segment.days'), true)}
            </>,
          )}
          {fieldset(
            t('segment.spend'),
            'spend',
            <div className="segment-range">
              {numberInput('minSpend', t('segment.minSpend'), currency)}
              {numberInput('maxSpend', t('segment.maxSpend'), currency)}
            </div>,
          )}
          {facets.status === 'ready' ? (
            <>
              <FacetPicker
                field="jobTitles"
                legend={t('segment.jobTitles')}
                minGroupSize={facets.data.minGroupSize}
                facets={facets.data.jobTitles}
                selected={form.jobTitles}
                labelFor={(v) => dataLabel(t, 'job', v)}
                onChange={(v) => update({ jobTitles: v })}
              />
              <FacetPicker
                field="industries"
                legend={t('segment.industries')}
                minGroupSize={facets.data.minGroupSize}
                facets={facets.data.industries}
                selected={form.industries}
                labelFor={(v) => dataLabel(t, 'industry', v)}
                onChange={(v) => update({ industries: v })}
              />
              <FacetPicker
                field="interests"
                legend={t('segment.interests')}
                hint={t('segment.interestsHint')}
                minGroupSize={facets.data.minGroupSize}
                facets={facets.data.interests}
                selected={form.interests}
                labelFor={(v) => dataLabel(t, 'interest', v)}
                onChange={(v) => update({ interests: v })}
              />
              <FacetPicker
                field="storeIds"
                legend={t('segment.stores')}
                minGroupSize={facets.data.minGroupSize}
                facets={facets.data.stores}
                selected={form.storeIds}
                labelFor={(id) => storeName(id) ?? id}
                onChange={(v) => update({ storeIds: v })}
              />
            </>
          ) : facets.status === 'error' ? (
            <div className="segment-field__error" role="alert">
              {t('segment.facetsError')}{' '}
              <button type="button" className="link-button" onClick={facets.retry}>
                {t('app.retry')}
              </button>
            </div>
          ) : (
            <p className="segment-field__hint" role="status">
              {t('segment.facetsLoading')}
            </p>
          )}
          <BehaviourFields
            form={form}
            update={update}
            currency={currency}
            categories={
              facets.status === 'ready'
                ? (facets.data.productCategories ?? []).map((f) => f.key)
                : []
            }
            numberInput={numberInput}
            chips={chips}
            fieldset={fieldset}
          />
          <label className="switch segment-consent">
            <input
              type="checkbox"
              role="switch"
              data-field="consentedOnly"
              checked={form.consentedOnly}
              onChange={(e) => update({ consentedOnly: e.target.checked })}
            />
            <span className="switch__track" aria-hidden="true" />
            <span className="switch__label">{t('segment.consentedOnly')}</span>
          </label>
          <button
            type="button"
            className="button button--secondary segment__done"
            onClick={() => setOpen(false)}
          >
            {t('segment.done')}
          </button>
        </div>
      )}
    </section>
  );
}
