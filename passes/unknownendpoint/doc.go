// Package unknownendpoint defines the pass behind rule DYP404: an endpoint
// call (client.API.Get/Post/Put/Patch/Delete) whose endpoint name, a
// constant string, is not declared in dypai.yaml.
//
// Such a call fails at run time, usually because of a typo. The message
// suggests the closest declared name and, when the name is a plain string
// literal, a suggested fix replaces it. A query string after the name
// ("get_orders?limit=10") is not part of the name. Names that are not
// constants are not checked. The rule needs dypai.yaml.
package unknownendpoint
