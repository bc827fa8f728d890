/**
 * Designers see only the public surface in Storybook's controls: the custom-elements manifest
 * also lists protected and private members, statics (`styles`, `properties`), read-only getters
 * (`validity`, `form`) and reactive state that the analyzer mistakes for attributes. This keeps
 * public, settable properties (each documents its attribute), events, slots, parts and CSS properties.
 */
interface Member {
  kind: string;
  name: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
}
interface Attribute {
  name: string;
  fieldName?: string;
}
interface Declaration {
  customElement?: boolean;
  members?: Member[];
  attributes?: Attribute[];
  [key: string]: unknown;
}
export interface Manifest {
  modules: { declarations?: Declaration[]; [key: string]: unknown }[];
  [key: string]: unknown;
}

function isPublicSetting(member: Member): boolean {
  return (
    member.kind === 'field' &&
    !member.static &&
    !member.readonly &&
    member.privacy !== 'private' &&
    member.privacy !== 'protected' &&
    !member.name.startsWith('#') &&
    !member.name.startsWith('_')
  );
}

function isPublicMethod(member: Member): boolean {
  // Lifecycle callbacks are called by the browser, not by page code.
  return member.kind === 'method' && !member.static && !member.privacy?.match(/private|protected/) && !member.name.startsWith('#') && !member.name.endsWith('Callback');
}

function publicDeclaration(declaration: Declaration): Declaration {
  if (!declaration.customElement) return declaration;
  const members = (declaration.members ?? []).filter((member) => isPublicSetting(member) || isPublicMethod(member));
    // An attribute that mirrors a property would be a second control that does nothing (stories set
  // properties); attributes of internal state are not API at all. Only attribute-only entries stay.
  const attributes = (declaration.attributes ?? []).filter((attribute) => attribute.fieldName === undefined);
  return { ...declaration, members, attributes };
}

export function publicManifest(manifest: Manifest): Manifest {
  return { ...manifest, modules: manifest.modules.map((module) => ({ ...module, declarations: module.declarations?.map(publicDeclaration) })) };
}
