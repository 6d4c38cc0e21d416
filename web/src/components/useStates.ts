/** The list of States (for pickers and for naming a State by its code), in the reader's language. */
import { useMemo } from 'react';
import { useApi, type StateList, type StateSummary } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { byName, stateName } from './names';

export function useStates(): { states: StateSummary[] | null; name: (iso3: string) => string } {
  const { lang } = useI18n();
  const data = useApi<StateList>('/api/v1/states');
  return useMemo(() => {
    const states = data.state === 'ready' ? [...data.data.states].sort(byName(lang)) : null;
    const byCode = new Map(states?.map((s) => [s.iso3, stateName(s, lang)]) ?? []);
    return { states, name: (iso3: string) => byCode.get(iso3) ?? iso3 };
  }, [data, lang]);
}
