import { Center, Loader } from '@mantine/core';

export const Loading = ({ label = 'Memuat…' }: { label?: string }) => (
  <Center py="xl" role="status" aria-live="polite">
    <Loader size="md" aria-hidden />
    <span className="visually-hidden">{label}</span>
  </Center>
);
