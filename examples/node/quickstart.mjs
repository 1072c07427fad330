import { registryTypes, registrySchema, registryUiSchema } from 'regcred';

const types = registryTypes();              // [{ id: 'ecr', label: 'ECR', fields: [...] }, ...]
console.log(types.map((t) => t.id).join()); // ecr,docker-hub,acr,artifact-registry,gcr,quay,gitlab,ghcr,harbor,other
const schema = registrySchema();            // JSON Schema (draft-07 and 2020-12 alike)
const uiSchema = registryUiSchema();        // react-jsonschema-form uiSchema
