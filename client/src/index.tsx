import { render } from "preact";
render(<main><h1>Candor</h1><p>index</p></main>, document.getElementById("app")!);
