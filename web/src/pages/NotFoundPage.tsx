import { Link } from '../components/Link';
import { useI18n } from '../i18n/i18n';

export function NotFoundPage() {
  const { t, lang } = useI18n();
  return (
    <div className="error" role="alert">
      <h1>{t('error.notFound')}</h1>
      <p><Link href={`/${lang}/`}>{t('nav.home')}</Link></p>
    </div>
  );
}
