// The smallest Chart.js that draws the PMC: tree-shaken line + bar controllers, time-less category scale.
import { BarController, BarElement, CategoryScale, Chart, Filler, LineController, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
Chart.register(LineController, BarController, LineElement, BarElement, PointElement, CategoryScale, LinearScale, Tooltip, Filler);
export default Chart;
