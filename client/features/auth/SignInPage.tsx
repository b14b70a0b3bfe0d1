// The sign-in page: email and password, with the server's reason when it refuses (wrong password, too many tries).
import { useState, type FormEvent } from 'react';
import { signIn } from '../../api/client';
import { formatProblem, ProblemError } from '../../api/problem';
import type { Me } from '../../api/contract';
import { useI18n } from '../../i18n';

export function SignInPage({ onSignedIn }: { onSignedIn: (me: Me) => void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await signIn(email, password));
    } catch (e) {
      const status = e instanceof ProblemError ? e.status : 0;
      setError(
        status === 401
          ? t('auth.wrong')
          : status === 429
            ? formatProblem(e, t).detail
            : t('auth.failed'),
      );
      setBusy(false);
    }
  };

  return (
    <main className="sign-in">
      <form
        className="sign-in__card"
        onSubmit={(e) => void submit(e)}
        aria-labelledby="sign-in-title"
        noValidate
      >
        <p className="sign-in__product">{t('app.name')}</p>
        <h1 id="sign-in-title" className="sign-in__title">
          {t('auth.title')}
        </h1>
        <label className="field">
          <span className="field__label">{t('auth.email')}</span>
          <input
            className="field__input"
            type="email"
            name="email"
            autoComplete="username"
            required
            autoFocus
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('auth.password')}</span>
          <input
            className="field__input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={error ? true : undefined}
          />
        </label>
        {error && (
          <p className="field__error" role="alert">
            {error}
          </p>
        )}
        <button
          type="submit"
          className="button button--primary sign-in__submit"
          disabled={busy || !email || !password}
        >
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
        <p className="sign-in__hint">{t('auth.hint')}</p>
      </form>
    </main>
  );
}
