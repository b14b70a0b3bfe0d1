// How a lift reads: "+4.2 pts (95 %: +1.0 to +7.4)" and its verdict, with the reason when there is none yet.
import type { Lift } from '../../api/contract';
import { formatMoney, formatNumber, type Translate } from '../../i18n';

export type LiftUnit = 'points' | 'money';

export function liftFigure(
  lift: Lift,
  unit: LiftUnit,
  locale: string,
  currency: string,
): { value: string; interval: string } {
  const signed = (v: number) => {
    const text =
      unit === 'money'
        ? formatMoney(locale, Math.abs(v), currency)
        : formatNumber(locale, Math.abs(v) * 100, { maximumFractionDigits: 1 });
    return `${v < 0 ? '−' : '+'}${text}`;
  };
  return { value: signed(lift.difference), interval: `${signed(lift.low)} … ${signed(lift.high)}` };
}

export function liftVerdict(lift: Lift | null, t: Translate, minGroup: number): string {
  if (lift === null) return t('campaignMeasures.verdict.none');
  if (lift.conclusion === 'higher') return t('campaignMeasures.verdict.higher');
  if (lift.conclusion === 'lower') return t('campaignMeasures.verdict.lower');
  return t(`campaignMeasures.reason.${lift.reason ?? 'interval-spans-zero'}`, { min: minGroup });
}
