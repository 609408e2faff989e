// The api's configuration comes from the environment schema it shares with the cli.
export { ConfigError, loadAppConfig as loadConfig, type AppConfig } from '@ltc/config';
