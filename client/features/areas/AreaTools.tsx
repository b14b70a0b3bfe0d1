// What can be made from an area: combined with another one (union, subtract, intersect), rings around its
// centre or store, and exports (the audience as CSV, the area as GeoJSON).
import { useState } from 'react';
import { areaUrls, type AreaFeature, type CombineOp } from '../../api/areas';
import { formatProblem } from '../../api/problem';
import { fromFieldValue, inputUnit, inputUnitLabel, useI18n } from '../../i18n';
import { useAppStore } from '../../store';
import { combine, rings } from './actions';
import { parseBreaksKm, DEFAULT_BREAKS_KM } from './rings';

const ops: CombineOp[] = ['union', 'subtract', 'intersect'];
/** The widest ring the server draws: an area's radius is at most 100 km. */
const MAX_RING_KM = 100;

function CombineForm({ area }: { area: AreaFeature }) {
  const { t } = useI18n();
  const others = useAppStore((s) => s.areas.data?.features ?? []).filter(
    (f) => f.properties.id !== area.properties.id,
  );
  const [other, setOther] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const otherId = other || others[0]?.properties.id || '';
  if (others.length === 0) return null;
  const run = async (op: CombineOp) => {
    setBusy(true);
    setError(null);
    const result = await combine(useAppStore, op, [area.properties.id, otherId]);
    setBusy(false);
    if (!result.ok) {
      const { title, detail } = formatProblem(result.error, t);
      setError([title, detail].filter(Boolean).join(': '));
    }
  };
  return (
    <fieldset className="field tool-group">
      <legend className="field__label">{t('areas.combine')}</legend>
      <select
        className="field__input"
        value={otherId}
        onChange={(event) => setOther(event.target.value)}
        aria-label={t('areas.combine.with')}
        data-field="combine-with"
      >
        {others.map((f) => (
          <option key={f.properties.id} value={f.properties.id}>
            {f.properties.name}
          </option>
        ))}
      </select>
      <div className="form-actions">
        {ops.map((op) => (
          <button
            key={op}
            type="button"
            className="button button--secondary"
            disabled={busy || !otherId}
            onClick={() => void run(op)}
            data-op={op}
          >
            {t(`areas.combine.${op}`)}
          </button>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

function RingsForm({ area }: { area: AreaFeature }) {
  const { t, locale, units } = useI18n();
  // Typed in km or miles (the workspace's units); the server takes metres.
  const unit = inputUnit('km', units);
  const { center, storeId } = area.properties.params;
  const [text, setText] = useState(DEFAULT_BREAKS_KM.join(', '));
  const [busy, setBusy] = useState(false);
  if (!center && !storeId) return null;
  const breaks = parseBreaksKm(text)?.map((typed) => fromFieldValue(typed, unit)) ?? null;
  const valid = breaks !== null && breaks.every((km) => km <= MAX_RING_KM);
  const run = async () => {
    if (!valid || !breaks) return;
    setBusy(true);
    // The server wants every edge, the centre first: 0, 1000, 3000, 5000 makes 0–1, 1–3 and 3–5 km.
    const breaksMeters = [0, ...breaks.map((km) => Math.round(km * 1000))];
    await rings(
      useAppStore,
      storeId ? { storeId, breaksMeters } : { center: [center![0], center![1]], breaksMeters },
    );
    setBusy(false);
  };
  return (
    <div className="field tool-group">
      <label className="field__label" htmlFor={`rings-${area.properties.id}`}>
        {t('areas.rings', { unit: inputUnitLabel(locale, unit) })}
      </label>
      <div className="field__row">
        <input
          id={`rings-${area.properties.id}`}
          className="field__input"
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-invalid={!valid}
        />
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || !valid}
          onClick={() => void run()}
        >
          {t('areas.rings.make')}
        </button>
      </div>
      {!valid && (
        <p className="field__error" role="alert">
          {t('areas.rings.invalid', { unit: inputUnitLabel(locale, unit) })}
        </p>
      )}
    </div>
  );
}

export function AreaTools({ area, mayWrite }: { area: AreaFeature; mayWrite: boolean }) {
  const { t } = useI18n();
  return (
    <>
      {mayWrite && <CombineForm area={area} />}
      {mayWrite && <RingsForm area={area} />}
      <div className="field tool-group">
        <p className="field__label">{t('areas.export')}</p>
        <div className="form-actions">
          <a
            className="button button--secondary"
            href={areaUrls.geojson(area.properties.id)}
            download
            data-export="geojson"
          >
            {t('areas.export.geojson')}
          </a>
        </div>
      </div>
    </>
  );
}
