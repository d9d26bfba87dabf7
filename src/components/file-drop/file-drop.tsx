/**
 * A file field people can drop a file on or browse for, that shows which file
 * was chosen (name and size). The real <input type="file"> stays in the page,
 * labelled and focusable, so the keyboard, screen readers and tests use it as
 * they would any file field; the zone around it only adds the drop target.
 */
import { Button, Input, Text } from '@mantine/core';
import { useId, useRef, useState, type DragEvent } from 'react';
import classes from './file-drop.module.css';
import { accepts, formatFileSize } from './file-kinds';

type Props = {
  label: string;
  /** What the field takes, e.g. ".csv,text/csv"; a dropped file of another kind is refused with `wrongKind`. */
  accept: string;
  /** The message beside the field when a dropped file is not of the kind `accept` names. */
  wrongKind: string;
  file: { name: string; size: number } | null;
  onFile: (file: File | null) => void;
  error?: string | null;
  description?: string;
  required?: boolean;
  disabled?: boolean;
};

export function FileDrop({ label, accept, wrongKind, file, onFile, error, description, required, disabled }: Props) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  const message = refused ?? error ?? null;

  const take = (chosen: File | null) => {
    setRefused(null);
    onFile(chosen);
  };

  const drop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setOver(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (!dropped) return;
    if (!accepts(accept, dropped)) return setRefused(wrongKind);
    // The input shows what was dropped too, so a later "choose again" starts from it.
    if (input.current && typeof DataTransfer !== 'undefined') {
      const transfer = new DataTransfer();
      transfer.items.add(dropped);
      input.current.files = transfer.files;
    }
    take(dropped);
  };

  return (
    <Input.Wrapper label={label} description={description} error={message} required={required} id={id}>
      <div
        className={classes.zone}
        data-over={over || undefined}
        data-disabled={disabled || undefined}
        data-invalid={message ? true : undefined}
        onDragOver={(event) => {
          event.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
      >
        <Text size="sm" component="span">
          {file ? (
            <>
              <strong>{file.name}</strong> · {formatFileSize(file.size)}
            </>
          ) : (
            'Drop a file here'
          )}
        </Text>
        <Text size="sm" component="span" c="dimmed">
          {file ? 'or choose another:' : 'or'}
        </Text>
        <input
          ref={input}
          id={id}
          className={classes.input}
          type="file"
          accept={accept}
          disabled={disabled}
          required={required}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
          onChange={(event) => take(event.currentTarget.files?.[0] ?? null)}
        />
        <Button component="label" htmlFor={id} variant="default" size="xs" className={classes.browse}>
          Choose file
        </Button>
      </div>
    </Input.Wrapper>
  );
}
