// Small progressive touches only; every page works without this script.
document.addEventListener("click", (e) => {
  const b = e.target.closest("button[data-confirm]");
  if (b && !window.confirm(b.dataset.confirm)) { e.preventDefault(); }
});
