import { render } from 'preact';
import '../../components/findings.css';
import { App } from './App';
import './style.css';

render(<App />, document.getElementById('app')!);
