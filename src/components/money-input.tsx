import { TextInput, type TextInputProps } from '@mantine/core';
import { useState } from 'react';
import { centsToInput, parseDollars, type Cents } from '@/lib/money';

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
  const [text, setText] = useState(() => toText(value));
  // Follow a value set from outside (a reset, a reload), unless it is what the text already means.
  const [followed, setFollowed] = useState(value);
  if (!Object.is(value, followed)) {
    setFollowed(value);
    const meant = text.trim() === '' ? null : (parseDollars(text) ?? Number.NaN);
    if (!Object.is(meant, value)) setText(toText(value));
  }

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
        onChange(next.trim() === '' ? null : (parseDollars(next) ?? Number.NaN));
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
