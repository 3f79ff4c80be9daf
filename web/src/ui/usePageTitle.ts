import { useEffect } from 'react';

export function usePageTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · Monev Keterbukaan Informasi Publik`;
  }, [title]);
}
