import { ActionIcon, Button, Card, Group, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { Controller, useFieldArray, useFormContext } from 'react-hook-form';
import type { ProductInput } from '@/contract/schemas';
import { useFieldMessage } from '@/components/forms/field-message';

/** Options (Color, Length…) and their values; the variants below are made from them. */
export function OptionsEditor() {
  const { control, register } = useFormContext<ProductInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'options' });
  const message = useFieldMessage<ProductInput>();
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Options
          </Title>
          <Button size="xs" variant="light" onClick={() => append({ name: '', values: [] })} disabled={fields.length >= 3}>
            Add option
          </Button>
        </Group>
        {fields.length === 0 && (
          <Text size="sm" c="dimmed">
            One variant, no options. Add an option such as Color or Length to sell several variants.
          </Text>
        )}
        {fields.map((field, i) => (
          <Group key={field.id} align="flex-start" wrap="nowrap">
            <TextInput
              label={`Option ${i + 1} name`}
              placeholder="Color"
              w={160}
              {...register(`options.${i}.name`)}
              error={message(`options.${i}.name`)}
            />
            <Controller
              control={control}
              name={`options.${i}.values`}
              render={({ field: values }) => (
                <TagsInput
                  label={`Option ${i + 1} values`}
                  placeholder="Type a value, press Enter"
                  style={{ flex: 1 }}
                  value={values.value}
                  onChange={values.onChange}
                  onBlur={values.onBlur}
                  ref={values.ref}
                  error={message(`options.${i}.values`)}
                />
              )}
            />
            <ActionIcon variant="subtle" color="red" mt={26} onClick={() => remove(i)} aria-label={`Remove option ${i + 1}`}>
              ✕
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
