import { TextInput, type TextInputProps } from '@mantine/core';
import { useDraft } from './use-draft';
import { centsToInput, parseDollars, type Cents } from '@/contract/values/money';

type MoneyInputProps = Omit<TextInputProps, 'value' | 'onChange' | 'type'> & {
  /** Integer cents; null when empty; NaN while what is typed is not an amount (the schema says why). */
  value: Cents | null;
  onChange: (value: Cents | null) => void;
};

/**
 * A dollar field over integer cents. The person's text is kept as typed while
 * they type; the value handed up is always whole cents (or null / NaN).
 */
export function MoneyInput({ value, onChange, onBlur, ...rest }: MoneyInputProps) {
  const [text, setText] = useDraft(value, toText, toCents);

  return (
    <TextInput
      {...rest}
      inputMode="decimal"
      autoComplete="off"
      leftSection={<span aria-hidden>$</span>}
      value={text}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        onChange(toCents(next));
      }}
      onBlur={(event) => {
        const cents = parseDollars(text);
        if (cents !== null) setText(centsToInput(cents));
        onBlur?.(event);
      }}
    />
  );
}

function toText(value: Cents | null): string {
  return value == null || Number.isNaN(value) ? '' : centsToInput(value);
}

function toCents(text: string): Cents | null {
  return text.trim() === '' ? null : (parseDollars(text) ?? Number.NaN);
}
