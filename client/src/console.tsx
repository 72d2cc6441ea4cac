import { render } from "preact";
render(<main><h1>Candor</h1><p>console</p></main>, document.getElementById("app")!);
