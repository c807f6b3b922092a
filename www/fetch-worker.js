// Fetches one file of a built site's data off the page's thread, and hands its bytes to the page
// (transferred, not copied). The page sends { url, name }: the address to fetch, and how to name it in a
// message. At a hundred thousand documents the catalog is 15 MB; its body, read on the page's thread,
// held it for over 100 ms.
self.onmessage = async (event) => {
  const { url, name } = event.data;
  let response;
  try {
    response = await fetch(url);
  } catch {
    self.postMessage({ error: `${name} could not be fetched (offline?)` });
    return;
  }
  if (!response.ok) {
    self.postMessage({ error: `${name}: the server answered ${response.status} ${response.statusText}` });
    return;
  }
  try {
    const buffer = await response.arrayBuffer();
    self.postMessage({ buffer }, [buffer]);
  } catch {
    self.postMessage({ error: `${name}: the body could not be read` });
  }
};
