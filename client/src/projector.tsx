import { render } from "preact";
render(<main><h1>Candor</h1><p>projector</p></main>, document.getElementById("app")!);
