-- messaging.0007_push_settings (plan item 022): SQL Server rollback DDL
-- Rendered offline through mssql-django's schema editor by
-- `manage.py plan ddl --vendor mssql`. Do not edit; re-render instead.
-- Reverses this migration on a database at its end (every later one reversed).
SET ANSI_NULLS ON;
SET ANSI_PADDING ON;
SET ANSI_WARNINGS ON;
SET ARITHABORT ON;
SET CONCAT_NULL_YIELDS_NULL ON;
SET NUMERIC_ROUNDABORT OFF;
SET QUOTED_IDENTIFIER ON;
SET XACT_ABORT ON;
GO
BEGIN TRANSACTION;
GO
-- Undo: Create constraint UX_NotifDeliveries_Notif_Dev on model notificationdelivery
DROP INDEX [UX_NotifDeliveries_Notif_Dev] ON [NotificationDeliveries];
GO
-- Undo: Create constraint UX_NotifDeliveries_Notif_Chan on model notificationdelivery
DROP INDEX [UX_NotifDeliveries_Notif_Chan] ON [NotificationDeliveries];
GO
-- Undo: Add field push_device to notificationdelivery
ALTER TABLE [NotificationDeliveries] DROP CONSTRAINT [NotificationDeliveries_PushDeviceId_95450e86_fk_PushDevices_Id];
GO
DROP INDEX [NotificationDeliveries_PushDeviceId_95450e86] ON [NotificationDeliveries];
GO
ALTER TABLE [NotificationDeliveries] DROP COLUMN [PushDeviceId];
GO
-- Undo: Create model PushDevice
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PushDevices]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PushDevices]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[PushDevices]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [PushDevices];
GO
-- Undo: Create model NotificationPreference
DECLARE @sql_foreign_constraint_name nvarchar(128)
        DECLARE @sql_drop_constraint nvarchar(300)
        WHILE EXISTS(SELECT 1
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[NotificationPreferences]'))
        BEGIN
            SELECT TOP 1 @sql_foreign_constraint_name = name
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[NotificationPreferences]')
            SELECT
            @sql_drop_constraint = 'ALTER TABLE [' + OBJECT_NAME(parent_object_id) + '] ' +
            'DROP CONSTRAINT [' + @sql_foreign_constraint_name + '] '
            FROM sys.foreign_keys
            WHERE referenced_object_id = object_id('[NotificationPreferences]') and name = @sql_foreign_constraint_name
            exec sp_executesql @sql_drop_constraint
        END
        DROP TABLE [NotificationPreferences];
GO
COMMIT TRANSACTION;
GO
