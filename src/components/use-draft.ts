import { useState } from 'react';

/**
 * What a person is typing, over a value that can also change from outside
 * (a reset, back and forward, "Clear filters"). The draft follows the value
 * when the value changes, unless the draft already means that value, or the
 * value is only the echo of what this field itself sent a moment ago (`echo`:
 * a search sent after a pause arrives while the person types on): so catching
 * up with one's own typing never rewrites the field under the cursor.
 */
export function useDraft<Value, Draft>(
  value: Value,
  toDraft: (value: Value) => Draft,
  meaning: (draft: Draft) => Value,
  echo: (value: Value) => boolean = () => false,
): [Draft, (draft: Draft) => void] {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [followed, setFollowed] = useState(value);
  if (!Object.is(value, followed)) {
    setFollowed(value);
    if (!Object.is(meaning(draft), value) && !echo(value)) setDraft(toDraft(value));
  }
  return [draft, setDraft];
}
