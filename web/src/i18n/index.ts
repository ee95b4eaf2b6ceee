import { fr, type MessageKey } from './fr';

export type { MessageKey };
export type Params = Record<string, string | number>;

const plural = new Intl.PluralRules('fr-FR');
const numberFormat = new Intl.NumberFormat('fr-FR');

function fill(template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? numberFormat.format(value) : value;
  });
}

/** The French text of a catalogue key, with `{placeholders}` filled in. */
export function t(key: MessageKey, params?: Params): string {
  return fill(fr[key], params);
}

type CountedKey<K> = K extends `${infer Base}_one`
  ? `${Base}_other` extends MessageKey
    ? Base
    : never
  : never;
export type CountedMessageKey = CountedKey<MessageKey>;

/** A counted string ("1 résultat", "53 résultats"); `{count}` is available in the template. */
export function tn(key: CountedMessageKey, count: number, params?: Params): string {
  const form = plural.select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, { ...params, count });
}

/** A catalogue lookup for keys built at run time (table and column names…), or undefined. */
export function tMaybe(key: string, params?: Params): string | undefined {
  return key in fr ? t(key as MessageKey, params) : undefined;
}
