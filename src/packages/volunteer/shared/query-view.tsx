export { QueryView } from '../../../components/query-view';
