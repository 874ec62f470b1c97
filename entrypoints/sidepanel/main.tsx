import { render } from 'preact';
import { App } from '../popup/App';
import '../../components/findings.css';
import '../popup/style.css';

render(<App mode="panel" />, document.getElementById('app')!);
