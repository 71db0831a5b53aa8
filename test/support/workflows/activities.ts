// Activities for the infrastructure test workflows; the worker registers these, workflows import the type.
export const infrastructureActivities = {
  async greet(name: string): Promise<string> {
    return `Selamat pagi, ${name}`;
  },
};

export type InfrastructureActivities = typeof infrastructureActivities;
