import { Link } from 'react-router-dom';
import { useTitle } from '../../components/ui';

export function NotFoundPage() {
  useTitle('Not found');
  return (
    <div className="page page--narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </div>
  );
}
