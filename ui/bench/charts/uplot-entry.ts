// What the app ships for a chart: uPlot and its stylesheet.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
export default uPlot;
