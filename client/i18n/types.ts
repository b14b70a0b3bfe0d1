// Message types derived from the English catalog, so `t(key, params)` is checked at compile time.
import type { en } from './messages/en';

export type Messages = typeof en;
export type MessageKey = keyof Messages;

/** A message: plain text, or plural forms chosen by Intl.PluralRules (`other` is required). */
export type PluralForms = { readonly other: string } & {
  readonly [rule in Intl.LDMLPluralRule]?: string;
};
export type MessageValue = string | PluralForms;

/** A translation may leave keys out; English fills the gaps. */
export type Catalog = { readonly [K in MessageKey]?: MessageValue };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;

type ParamNames<V> = V extends string ? Placeholders<V> : 'count' | Placeholders<V[keyof V]>;

export type ParamValue = string | number;
/** Keys of messages that take no parameters: `t(key)` alone. */
export type PlainMessageKey = {
  [K in MessageKey]: [ParamNames<Messages[K]>] extends [never] ? K : never;
}[MessageKey];
export type Params<K extends MessageKey> = { readonly [P in ParamNames<Messages[K]>]: ParamValue };

/** `t('key')` for plain messages, `t('key', { name })` when the message has placeholders. */
export type Translate = <K extends MessageKey>(
  key: K,
  ...params: [ParamNames<Messages[K]>] extends [never] ? [] : [Params<K>]
) => string;
