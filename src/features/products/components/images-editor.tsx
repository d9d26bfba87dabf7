import { ActionIcon, Button, Card, Group, Image, Stack, Text, TextInput, Title } from '@mantine/core';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { imageUrlSchema, type ProductInput } from '@/contract/schemas';
import { useFieldMessage } from '@/components/forms/field-message';

export function ImagesEditor() {
  const { control, register } = useFormContext<ProductInput>();
  const { fields, append, remove } = useFieldArray({ control, name: 'images' });
  const message = useFieldMessage<ProductInput>();
  const images = useWatch({ control, name: 'images' });
  return (
    <Card withBorder>
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            Images
          </Title>
          <Button size="xs" variant="light" onClick={() => append({ url: '', alt: '' })} disabled={fields.length >= 20}>
            Add image
          </Button>
        </Group>
        {fields.length === 0 && (
          <Text size="sm" c="dimmed">
            No images yet. Add one by its web address.
          </Text>
        )}
        {fields.map((field, i) => (
          <Group key={field.id} align="flex-start" wrap="nowrap">
            <Image
              // Only an address the API would take is fetched: not whatever is half typed, nor one saved before the rules.
              src={imageUrlSchema.safeParse(images?.[i]?.url).success ? images?.[i]?.url : undefined}
              alt=""
              w={56}
              h={56}
              radius="sm"
              fallbackSrc="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg'/%3E"
            />
            <TextInput
              label={`Image ${i + 1} address`}
              placeholder="https://…"
              style={{ flex: 2 }}
              {...register(`images.${i}.url`)}
              error={message(`images.${i}.url`)}
            />
            <TextInput
              label={`Image ${i + 1} alt text`}
              description="What the picture shows, for screen readers"
              style={{ flex: 2 }}
              {...register(`images.${i}.alt`)}
              error={message(`images.${i}.alt`)}
            />
            <ActionIcon variant="subtle" color="red" mt={26} onClick={() => remove(i)} aria-label={`Remove image ${i + 1}`}>
              ✕
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
